import { Table, Tag } from 'antd';
import { formatFen, type QuoteLine, type QuoteView } from '@butie/contracts';

/**
 * §5.5's month table: each month's standard, whether it was contributed, and its amount, the
 * months without a contribution marked; the totals as the server computed them (never summed here).
 */
export function QuoteTable({ quote, showContribution }: { quote: QuoteView; showContribution: boolean }) {
  return (
    <Table<QuoteLine>
      size="small"
      pagination={false}
      rowKey="month"
      dataSource={quote.lines}
      rowClassName={(line) => (line.contributed ? '' : 'quote-deducted')}
      scroll={{ y: 360 }}
      columns={[
        { title: '月份', dataIndex: 'month', width: 90 },
        { title: '当月标准', key: 'standard', align: 'right', render: (_, line) => formatFen(line.standardFen) },
        ...(showContribution
          ? [{ title: '缴费', key: 'contributed', width: 90, render: (_: unknown, line: QuoteLine) => (line.contributed ? '已缴费' : <Tag color="orange">未缴费</Tag>) }]
          : []),
        { title: '金额', key: 'payable', align: 'right', render: (_, line) => formatFen(line.payableFen) },
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {formatFen(quote.appliedFen)}
            </Table.Summary.Cell>
            {showContribution && <Table.Summary.Cell index={2}>扣发 {quote.deductedMonths} 个月</Table.Summary.Cell>}
            <Table.Summary.Cell index={showContribution ? 3 : 2} align="right">
              <strong>{formatFen(quote.payableFen)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
