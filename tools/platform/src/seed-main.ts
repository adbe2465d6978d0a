import { seedDemoData } from './seed';

/** `npm run seed`: loads demo data into a running platform (GATEWAY_URL, default http://localhost:4000/graphql). */
const gatewayUrl = process.env.GATEWAY_URL || 'http://localhost:4000/graphql';
seedDemoData(gatewayUrl).catch((error: Error) => {
  process.stderr.write(`Seeding failed: ${error.message}\nIs the platform running (npm start)?\n`);
  process.exit(1);
});
