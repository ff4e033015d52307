import { Injectable } from '@nestjs/common';
import type { DegreeRecord } from '@butie/contracts';
import { sandboxAnswer } from '../sandbox/sandbox-answer.js';
import { SandboxRecordsRepository } from '../sandbox/sandbox-records.repository.js';
import { DegreeVerificationGateway } from './degree-gateway.js';

/** The demo's 教育部学历学位查询: the 沙箱数据 records. */
@Injectable()
export class SandboxDegreeVerificationGateway extends DegreeVerificationGateway {
  constructor(private readonly records: SandboxRecordsRepository) {
    super();
  }

  protected async fetchRecord(certificateNumber: string): Promise<DegreeRecord | null> {
    return sandboxAnswer<DegreeRecord>(await this.records.findDegree(certificateNumber), certificateNumber);
  }
}
