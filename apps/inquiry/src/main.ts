import { runSubgraph } from '@carebridge/service-kit';
import { inquirySubgraph } from './inquiry.subgraph';

runSubgraph(inquirySubgraph);
