import { runCommand, stderrLogger } from './cli';
import { DEAD_LETTERS_USAGE, deadLetterTopicOf, listDeadLetters, parseDeadLetterArguments, replayDeadLetters } from './dead-letter-queue';
import { connectEventStream } from './event-transport';

/**
 * `npm run events:dead-letters`: a service's dead letters (events its consumer gave up on).
 *   npm run events:dead-letters -- list --service complaint             (NDJSON, with the dlq_* details)
 *   npm run events:dead-letters -- replay --service complaint --all     (each dead letter once)
 *   npm run events:dead-letters -- replay --service complaint --id <ce_id>
 */
runCommand(DEAD_LETTERS_USAGE, async (signal, write) => {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${DEAD_LETTERS_USAGE}\n`);
    return 0;
  }
  const command = parseDeadLetterArguments(process.argv.slice(2));
  const { transport, positions, close } = connectEventStream(process.env, stderrLogger);
  try {
    if (command.command === 'list') {
      const printed = await listDeadLetters(transport, { ...command, signal, positions }, write);
      if (process.stderr.isTTY) process.stderr.write(`${printed} dead letter${printed === 1 ? '' : 's'} in ${deadLetterTopicOf(command.service)}\n`);
      return 0;
    }
    const result = await replayDeadLetters(transport, { ...command, signal, positions }, write);
    process.stderr.write(`replayed ${result.replayed} dead letter${result.replayed === 1 ? '' : 's'} of ${command.service}\n`);
    if (result.missing.length) process.stderr.write(`no dead letter with id ${result.missing.join(', ')} in ${deadLetterTopicOf(command.service)}\n`);
    return result.missing.length ? 1 : 0;
  } finally {
    await close();
  }
});
