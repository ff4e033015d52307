import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { UnitRegistrationsController } from './unit-registrations.controller.js';
import { UnitRegistrationsService } from './unit-registrations.service.js';
import { UnitsModule } from './units.module.js';

/**
 * 单位注册 → 县区人社局审核 (domain §3.1). A module of its own beside UnitsModule because the unit's
 * login account comes from AccountsModule (AccountRegistrationService), and AccountsModule →
 * RegionsModule → UnitsModule already: importing accounts into UnitsModule would close a cycle.
 */
@Module({
  imports: [UnitsModule, AccountsModule],
  controllers: [UnitRegistrationsController],
  providers: [UnitRegistrationsService],
  exports: [UnitRegistrationsService],
})
export class UnitRegistrationsModule {}
