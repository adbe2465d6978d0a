import { runSubgraph } from '@carebridge/service-kit';
import { communicationSubgraph } from './communication.subgraph';

runSubgraph(communicationSubgraph);
