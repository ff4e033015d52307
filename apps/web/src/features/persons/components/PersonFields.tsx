import { Col, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import {
  checkIdNumber,
  DEGREE_LABELS,
  DEGREES,
  EDUCATION_LABELS,
  EDUCATIONS,
  ETHNICITIES,
  GENDER_LABELS,
  GENDERS,
  ID_NUMBER_RULES,
  ID_TYPE_LABELS,
  ID_TYPES,
  PERSON_FIELD_LIMITS,
  type IdType,
} from '@butie/contracts';
import { DayField, notInFuture } from '../../../components/DayField';
import { UnitPicker, type PickedUnit } from '../../../components/unit-picker/UnitPicker';

const ID_TYPE_OPTIONS = ID_TYPES.map((type) => ({ value: type, label: ID_TYPE_LABELS[type] }));
const EDUCATION_OPTIONS = EDUCATIONS.map((value) => ({ value, label: EDUCATION_LABELS[value] }));
const DEGREE_OPTIONS = DEGREES.map((value) => ({ value, label: DEGREE_LABELS[value] }));
const ETHNICITY_OPTIONS = ETHNICITIES.map((value) => ({ value, label: value }));
const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }));

/**
 * 基本信息 of domain §3.2 under `basic.*` (the request's own nesting, so the API's field errors such as
 * `basic.idNumber` land on the field): ID type and number (checked as the API checks them; a 居民身份证
 * or 居住证 fills in birth date and gender), school, major, education, degree, ethnicity, self-employed,
 * and the unit from the approved units.
 */
export function PersonBasicFields({ form, currentUnit }: { form: FormInstance; currentUnit?: PickedUnit | null }) {
  const idType = Form.useWatch<IdType | undefined>(['basic', 'idType'], form);

  /** A valid GB 11643 number says the birth date and gender: they are filled in, still editable. */
  const onIdNumber = (value: string) => {
    if (!idType) return;
    const check = checkIdNumber(idType, value);
    if (check.valid && check.facts) {
      form.setFieldValue(['basic', 'birthDate'], check.facts.birthDate);
      form.setFieldValue(['basic', 'gender'], check.facts.gender);
      void form.validateFields([['basic', 'birthDate'], ['basic', 'gender']]);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['basic', 'idType']} label="证件类型" rules={[{ required: true, message: '请选择证件类型' }]}>
          <Select options={ID_TYPE_OPTIONS} placeholder="请选择" onChange={() => void form.validateFields([['basic', 'idNumber']]).catch(() => undefined)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['basic', 'idNumber']}
          label="证件号码"
          dependencies={[['basic', 'idType']]}
          normalize={(value: string | undefined) => value?.toUpperCase().replace(/\s/g, '')}
          validateFirst
          extra={idType ? ID_NUMBER_RULES[idType] : undefined}
          rules={[
            { required: true, message: '请输入证件号码' },
            {
              validator: async (_, value: string | undefined) => {
                if (!value || !idType) return;
                const check = checkIdNumber(idType, value);
                if (!check.valid) throw new Error(check.message);
              },
            },
          ]}
        >
          <Input placeholder="请输入证件号码" maxLength={20} autoComplete="off" onChange={(event) => onIdNumber(event.target.value.toUpperCase().replace(/\s/g, ''))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['basic', 'birthDate']}
          label="出生日期"
          dependencies={[['basic', 'idNumber']]}
          rules={[{ required: true, message: '请选择出生日期' }, agreesWithId('birthDate')]}
        >
          <DayField disabledDate={notInFuture} placeholder="请选择出生日期" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['basic', 'gender']} label="性别" dependencies={[['basic', 'idNumber']]} rules={[{ required: true, message: '请选择性别' }, agreesWithId('gender')]}>
          <Radio.Group options={GENDER_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['basic', 'school']} label="毕业院校" rules={[{ required: true, whitespace: true, message: '请输入毕业院校' }]}>
          <Input placeholder="学校全称" maxLength={PERSON_FIELD_LIMITS.school} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['basic', 'major']} label="专业" rules={[{ required: true, whitespace: true, message: '请输入专业' }]}>
          <Input placeholder="与毕业证书一致" maxLength={PERSON_FIELD_LIMITS.major} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['basic', 'education']} label="学历" rules={[{ required: true, message: '请选择学历' }]}>
          <Select options={EDUCATION_OPTIONS} placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['basic', 'degree']} label="学位" rules={[{ required: true, message: '请选择学位' }]}>
          <Select options={DEGREE_OPTIONS} placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['basic', 'ethnicity']} label="民族" rules={[{ required: true, message: '请选择民族' }]}>
          <Select options={ETHNICITY_OPTIONS} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['basic', 'selfEmployed']} label="是否自主创业" rules={[{ required: true, message: '请选择是否自主创业' }]}>
          <Radio.Group
            options={[
              { value: false, label: '否' },
              { value: true, label: '是' },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item
          name={['basic', 'unitId']}
          label="单位名称"
          rules={[{ required: true, message: '请选择所在单位（须为已注册并审核通过的单位）' }]}
          extra="只能选择已注册并经区县人社局审核通过的单位；找不到所在单位时，请联系单位先行注册"
        >
          <UnitPicker current={currentUnit} aria-label="单位名称" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Birth date and gender must agree with a 居民身份证 / 居住证 number (the API checks the same). */
function agreesWithId(field: 'birthDate' | 'gender'): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const idType = getFieldValue(['basic', 'idType']) as IdType | undefined;
      const idNumber = getFieldValue(['basic', 'idNumber']) as string | undefined;
      if (!value || !idType || !idNumber) return;
      const check = checkIdNumber(idType, idNumber);
      if (!check.valid || !check.facts) return;
      if (field === 'birthDate' && check.facts.birthDate !== value) throw new Error(`与证件号码不一致（证件号码中为 ${check.facts.birthDate}）`);
      if (field === 'gender' && check.facts.gender !== value) throw new Error(`与证件号码不一致（证件号码中为${GENDER_LABELS[check.facts.gender]}）`);
    },
  });
}
