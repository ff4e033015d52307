import { Injectable } from '@nestjs/common';
import type { SocialSecurityRecord } from '@butie/contracts';
import { sandboxAnswer } from '../sandbox/sandbox-answer.js';
import { SandboxRecordsRepository } from '../sandbox/sandbox-records.repository.js';
import { SocialSecurityGateway } from './social-security-gateway.js';

/** The demo's 社保系统: the 沙箱数据 records. */
@Injectable()
export class SandboxSocialSecurityGateway extends SocialSecurityGateway {
  constructor(private readonly records: SandboxRecordsRepository) {
    super();
  }

  protected async fetchRecord(idNumber: string): Promise<SocialSecurityRecord | null> {
    return sandboxAnswer<SocialSecurityRecord>(await this.records.findSocialSecurity(idNumber), idNumber);
  }
}
