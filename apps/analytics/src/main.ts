import { runSubgraph } from '@carebridge/service-kit';
import { analyticsSubgraph } from './analytics.subgraph';

runSubgraph(analyticsSubgraph);
