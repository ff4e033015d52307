import { Alert } from 'antd';
import { contractLastsThreeYears, isCalendarDate, threeYearContractEnd } from '@butie/contracts';

interface Term {
  contractStart?: string | null;
  contractEnd?: string | null;
  contractOpenEnded?: boolean;
}

/**
 * While the contract dates are entered: whether the contract lasts 3 years, by the same function
 * the API uses (`contractLastsThreeYears` of @butie/contracts: both days count, so 2020-07-01 to
 * 2023-06-30 does and to 2023-06-29 does not), and from which end date it would.
 */
export function ContractTermNote({ contractStart, contractEnd, contractOpenEnded = false }: Term) {
  if (!contractStart || !isCalendarDate(contractStart)) {
    return <Alert type="info" showIcon className="wh-term-note" title="填写劳动合同起止日期后，这里显示合同期限是否满 3 年（申报补贴时须满 3 年）" data-testid="contract-term-note" />;
  }
  const earliestEnd = threeYearContractEnd(contractStart);
  if (contractOpenEnded) {
    return <Alert type="success" showIcon className="wh-term-note" title="无固定期限劳动合同，视为合同期限满 3 年" data-testid="contract-term-note" />;
  }
  if (!contractEnd || !isCalendarDate(contractEnd) || contractEnd < contractStart) {
    return (
      <Alert
        type="info"
        showIcon
        className="wh-term-note"
        title={`起始日期为 ${contractStart} 的合同，终止日期不早于 ${earliestEnd} 即满 3 年`}
        data-testid="contract-term-note"
      />
    );
  }
  return contractLastsThreeYears(contractStart, contractEnd, false) ? (
    <Alert type="success" showIcon className="wh-term-note" title={`合同期限满 3 年（${contractStart} 至 ${contractEnd}）`} data-testid="contract-term-note" />
  ) : (
    <Alert
      type="warning"
      showIcon
      className="wh-term-note"
      title={`合同期限不满 3 年（${contractStart} 至 ${contractEnd}）`}
      description={`起止日期均计入合同期限：终止日期须不早于 ${earliestEnd} 才满 3 年。申报补贴时，与申报单位的劳动合同须满 3 年。`}
      data-testid="contract-term-note"
    />
  );
}
