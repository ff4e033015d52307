import { Alert, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../../lib/api-client';
import { errorText, showFieldErrors } from '../../../lib/form-errors';

/**
 * What is wrong with a log's filters, said where the auditor looks: values in the address that
 * were ignored, and the API's refusal (e.g. a date range that ends before it starts) both above
 * the list and on the date field.
 */
export function LogFilterProblems({ form, ignored, error }: { form: FormInstance; ignored: string[]; error: unknown }) {
  useEffect(() => {
    // One date field holds both ends: it shows the message about the end, else the one about the start.
    if (error instanceof ApiError) showFieldErrors(form, error, error.fields.some((f) => f.field === 'to') ? { to: 'range' } : { from: 'range' });
  }, [form, error]);
  return (
    <>
      {ignored.length > 0 && <Alert type="warning" showIcon className="page-alert" title={`地址中的${ignored.join('、')}无效，已忽略`} data-testid="ignored-filters" />}
      {!!error && <Alert type="error" showIcon className="page-alert" title={errorText(error)} />}
    </>
  );
}
