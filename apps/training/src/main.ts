import { runSubgraph } from '@carebridge/service-kit';
import { trainingSubgraph } from './training.subgraph';

runSubgraph(trainingSubgraph);
