import { Module } from '@nestjs/common';
import { PersonsModule } from '../accounts/persons/persons.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';
import { PublicEstimateController } from './public-estimate.controller.js';

@Module({ imports: [PersonsModule, PolicyModule], controllers: [ApplicationsController, PublicEstimateController], providers: [ApplicationsService] })
export class ApplicationsModule {}
