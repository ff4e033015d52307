import { Module } from '@nestjs/common';
import { PersonsModule } from '../accounts/persons/persons.module.js';
import { UnitRegistrationsModule } from '../units/unit-registrations.module.js';
import { WorkHistoryModule } from '../work-history/work-history.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

/** 首页's to-do board: reaches the modules that own queues only through their exported services. */
@Module({ imports: [UnitRegistrationsModule, PersonsModule, WorkHistoryModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
