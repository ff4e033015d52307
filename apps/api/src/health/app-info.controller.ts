import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { GATEWAYS, type AppInfo, type GatewayName } from '@butie/contracts';
import { AppConfig } from '../config/app-config.js';
import { Public } from '../common/auth/decorators.js';

class AppInfoDto implements AppInfo {
  @ApiProperty({ example: '补贴通' }) name: string;
  @ApiProperty({ description: '短信为沙箱通道：验证码不真正发出，可在沙箱发件箱查看' }) smsSandbox: boolean;
  @ApiProperty({ enum: GATEWAYS, isArray: true, description: '以沙箱数据应答的外部接口（社保系统、教育部学历查询）；空数组表示均已接入真实服务' })
  gatewaySandboxes: GatewayName[];
  @ApiProperty({ description: '演示数据已开启（演示账号可用）' }) demo: boolean;
  @ApiProperty({ description: '无操作超时秒数' }) idleTimeout: number;
  @ApiProperty({ description: '管理部门登录须短信二次验证（此时管理部门不能仅凭短信验证码登录）' }) staffSmsSecondFactor: boolean;
}

/** What the sign-in page needs to know before anyone signs in. Nothing secret. */
@ApiTags('health')
@Controller('app-info')
export class AppInfoController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '系统公开信息（登录页使用）' })
  @ApiOkResponse({ type: AppInfoDto })
  info(): AppInfoDto {
    return {
      name: '补贴通',
      smsSandbox: this.config.sms.provider === 'sandbox',
      gatewaySandboxes: GATEWAYS.filter((name) => (name === 'SOCIAL_SECURITY' ? this.config.gateways.socialSecurity : this.config.gateways.degree) === null),
      demo: this.config.demo.enabled,
      idleTimeout: this.config.auth.sessionIdleTimeoutSeconds,
      staffSmsSecondFactor: this.config.auth.staffSmsSecondFactor,
    };
  }
}
