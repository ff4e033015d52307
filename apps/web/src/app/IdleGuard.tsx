import { Modal, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { refreshSession } from '../lib/api-client';
import { lastActivityAnywhere, recordActivity, sessionStore } from '../lib/session';
import { logout } from '../lib/logout';

const WARN_BEFORE_SECONDS = 120;
const SHARE_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['mousedown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;

/**
 * The idle timeout of domain §4: after idleTimeout seconds without input the session ends; two
 * minutes before, a dialog offers 继续使用 (which also renews the session on the server).
 */
export function IdleGuard({ idleTimeout, onTimeout }: { idleTimeout: number; onTimeout: () => void }) {
  // Set when the guard mounts (render must stay pure): mounting counts as activity.
  const lastActivity = useRef(0);
  const lastShared = useRef(0);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  useEffect(() => {
    lastActivity.current = Date.now();
  }, []);

  useEffect(() => {
    const mark = () => {
      if (secondsLeft !== null) return;
      const now = Date.now();
      // Other tabs read it; writing at most every few seconds keeps storage events rare.
      lastActivity.current = now;
      if (now - lastShared.current > SHARE_EVERY_MS) {
        lastShared.current = now;
        recordActivity(now);
      }
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, mark, { passive: true });
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, mark);
    };
  }, [secondsLeft]);

  useEffect(() => {
    const timer = setInterval(() => {
      const idle = (Date.now() - Math.max(lastActivity.current, lastActivityAnywhere())) / 1000;
      const left = Math.ceil(idleTimeout - idle);
      if (left <= 0) {
        clearInterval(timer);
        void logout('IDLE').then(onTimeout);
      } else if (left <= WARN_BEFORE_SECONDS) {
        setSecondsLeft(left);
      } else {
        setSecondsLeft(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [idleTimeout, onTimeout]);

  const keepGoing = useCallback(async () => {
    lastActivity.current = Date.now();
    recordActivity(lastActivity.current);
    setSecondsLeft(null);
    if (sessionStore.get()) await refreshSession();
  }, []);

  return (
    <Modal
      open={secondsLeft !== null}
      title="即将超时退出"
      okText="继续使用"
      cancelText="立即退出"
      onOk={() => void keepGoing()}
      onCancel={() => void logout().then(onTimeout)}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
    >
      <Typography.Paragraph>
        您已较长时间未操作，为保护账号安全，系统将在 <Typography.Text strong data-testid="idle-seconds">{secondsLeft}</Typography.Text> 秒后自动退出登录。
      </Typography.Paragraph>
    </Modal>
  );
}
