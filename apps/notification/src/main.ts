import './tracing';
import 'reflect-metadata';
import { runService } from '@vigie/platform';
import { service } from './service';

runService(service);
