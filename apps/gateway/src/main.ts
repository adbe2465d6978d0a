import { runProcess } from '@carebridge/service-kit';
import { startGateway } from './gateway';

runProcess(() => startGateway());
