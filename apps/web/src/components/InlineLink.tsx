import { Link, type LinkProps } from 'react-router-dom';
import './inline-link.css';

/** A link inside a sentence: underlined, since colour alone does not set it apart (WCAG 1.4.1). */
export function InlineLink(props: Omit<LinkProps, 'className'>) {
  return <Link {...props} className="inline-link" />;
}
