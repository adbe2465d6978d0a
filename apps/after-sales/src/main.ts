import { runSubgraph } from '@carebridge/service-kit';
import { afterSalesSubgraph } from './after-sales.subgraph';

runSubgraph(afterSalesSubgraph);
