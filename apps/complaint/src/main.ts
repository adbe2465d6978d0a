import { runSubgraph } from '@carebridge/service-kit';
import { complaintSubgraph } from './complaint.subgraph';

runSubgraph(complaintSubgraph);
