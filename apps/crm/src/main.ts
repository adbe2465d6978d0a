import { runSubgraph } from '@carebridge/service-kit';
import { crmSubgraph } from './crm.subgraph';

runSubgraph(crmSubgraph);
