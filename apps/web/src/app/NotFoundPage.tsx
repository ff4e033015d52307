import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { landingFor } from '../config/routes';
import { useSession } from './use-session';

// The page's h1, drawn as antd's Result title.
const HEADING = { margin: 0, fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit' } as const;

/** A page of another role, or one that does not exist: said plainly, with the way back. */
export function NotFoundPage() {
  const session = useSession();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 style={HEADING}>页面不存在</h1>}
      subTitle="您访问的页面不存在，或当前账号无权访问。"
      extra={
        <Button type="primary" onClick={() => void navigate(session ? landingFor(session.user) : '/login')}>
          返回首页
        </Button>
      }
    />
  );
}
