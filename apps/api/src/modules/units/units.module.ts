import { Module } from '@nestjs/common';
import { UnitsController } from './units.controller.js';
import { UnitsRepository } from './units.repository.js';
import { UnitsService } from './units.service.js';

/**
 * Units as others see them: the list by scope, one unit, the public picker and county choice, and
 * the virtual unit of a new county (the regions module's only way in). Registration and its review
 * are UnitRegistrationsModule: it needs the accounts module, which needs regions, which needs this.
 */
@Module({ controllers: [UnitsController], providers: [UnitsService, UnitsRepository], exports: [UnitsService, UnitsRepository] })
export class UnitsModule {}
