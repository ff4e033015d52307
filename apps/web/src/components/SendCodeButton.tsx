import { Button, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';

interface Props {
  /** Sends the code; resolves with the seconds to wait before the next send. */
  onSend: () => Promise<number>;
  disabled?: boolean;
  testId?: string;
  /** When a code was sent just before the button appeared. */
  initialSeconds?: number;
  /** The size of the field beside it (an antd Form gives its own to the button). */
  size?: ButtonProps['size'];
}

/** 发送验证码 with the 60-second countdown of domain §4. */
export function SendCodeButton({ onSend, disabled, testId, initialSeconds = 0, size }: Props) {
  const [secondsLeft, setSecondsLeft] = useState(initialSeconds);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const send = async () => {
    setSending(true);
    try {
      setSecondsLeft(await onSend());
    } catch {
      // The caller shows the refusal; the button becomes usable again.
    } finally {
      setSending(false);
    }
  };

  return (
    <Button size={size} onClick={() => void send()} loading={sending} disabled={disabled || secondsLeft > 0} data-testid={testId} style={{ minWidth: 120 }}>
      {secondsLeft > 0 ? `${secondsLeft} 秒后重发` : '发送验证码'}
    </Button>
  );
}
