// One screen: its heading (focused when the screen appears, so keyboard and screen-reader users
// start at the top of the new screen) and its content.
import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface ScreenFrameProps {
  title: string;
  /** A line under the heading, e.g. "Hello Anna". */
  lead?: string;
  className?: string;
  busy?: boolean;
  children?: ReactNode;
}

export function ScreenFrame({ title, lead, className, busy, children }: ScreenFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className={`screen ${className ?? ''}`} aria-labelledby={id} aria-busy={busy === true ? true : undefined}>
      <h1 ref={heading} id={id} tabIndex={-1} className="screen__heading">
        {title}
      </h1>
      {lead === undefined ? null : <p className="screen__lead">{lead}</p>}
      {children}
    </section>
  );
}
