import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module.js';
import { RegionsController } from './regions.controller.js';
import { RegionsService } from './regions.service.js';

@Module({ imports: [UnitsModule], controllers: [RegionsController], providers: [RegionsService], exports: [RegionsService] })
export class RegionsModule {}
