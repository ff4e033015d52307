import { Col, Form, Input, Row, Select } from 'antd';
import { CONTACT_PHONE_MESSAGE, CONTACT_PHONE_PATTERN, isValidCreditCode, UNIT_FIELD_LIMITS } from '@butie/contracts';
import { useCounties } from '../../../components/unit-picker/api/list-counties';

/**
 * The unit's fields of domain §2 (name, 统一社会信用代码, county, address, contact), for the public
 * registration and for a returned unit's corrections. `prefix` nests them (`['unit', 'name']`) where
 * the request does, so that the API's field errors (`unit.creditCode`) land on them.
 */
export function UnitFields({ prefix = [] }: { prefix?: string[] }) {
  const counties = useCounties();
  const name = (field: string) => [...prefix, field];
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={name('name')} label="单位名称" rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}>
          <Input placeholder="与营业执照一致的单位全称" maxLength={UNIT_FIELD_LIMITS.name} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={name('creditCode')}
          label="统一社会信用代码"
          normalize={(value: string | undefined) => value?.toUpperCase().replace(/\s/g, '')}
          validateFirst
          rules={[
            { required: true, message: '请输入统一社会信用代码' },
            { len: 18, message: '统一社会信用代码为 18 位' },
            {
              validator: async (_, value: string | undefined) => {
                if (value && !isValidCreditCode(value)) throw new Error('统一社会信用代码校验位不正确，请核对营业执照');
              },
            },
          ]}
        >
          <Input placeholder="18 位，见营业执照" maxLength={18} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('countyId')} label="所属区县" rules={[{ required: true, message: '请选择所属区县' }]}>
          <Select
            placeholder="请选择"
            loading={counties.isLoading}
            options={(counties.data ?? []).map((county) => ({ value: county.id, label: county.name }))}
            notFoundContent={counties.isError ? '区县列表未能加载，请刷新重试' : '暂无区县'}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('address')} label="单位地址" rules={[{ required: true, whitespace: true, message: '请输入单位地址' }]}>
          <Input placeholder="办公地址" maxLength={UNIT_FIELD_LIMITS.address} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('contactPerson')} label="联系人" rules={[{ required: true, whitespace: true, message: '请输入联系人姓名' }]}>
          <Input placeholder="经办人姓名" maxLength={UNIT_FIELD_LIMITS.contactPerson} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('contactPhone')} label="联系电话" rules={[{ required: true, message: '请输入联系电话' }, { pattern: CONTACT_PHONE_PATTERN, message: CONTACT_PHONE_MESSAGE }]}>
          <Input placeholder="手机号码或带区号的固定电话" maxLength={UNIT_FIELD_LIMITS.contactPhone} inputMode="tel" />
        </Form.Item>
      </Col>
    </Row>
  );
}
