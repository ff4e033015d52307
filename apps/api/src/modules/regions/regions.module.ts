import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module.js';
import { RegionsController } from './regions.controller.js';
import { RegionsRepository } from './regions.repository.js';
import { RegionsService } from './regions.service.js';

@Module({ imports: [UnitsModule], controllers: [RegionsController], providers: [RegionsService, RegionsRepository], exports: [RegionsService] })
export class RegionsModule {}
