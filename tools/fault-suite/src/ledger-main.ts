// One ledger instance as its own process (ServiceProcess starts it); its name from LEDGER_SERVICE.
import { runSubgraph } from '@carebridge/service-kit';
import { ledgerSubgraph } from './ledger.subgraph';

runSubgraph(ledgerSubgraph(process.env.LEDGER_SERVICE ?? 'ledger-writer'));
