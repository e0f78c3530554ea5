import { Kbd } from '@mantine/core';
import { Fragment } from 'react';

/** Keys pressed together, drawn as keycaps: ["Alt", "1"] → [Alt] + [1]. */
export function KeyCombo({ keys, size = 'md' }: { keys: readonly string[]; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <span className="key-combo">
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 && <span className="key-combo-plus">+</span>}
          <Kbd size={size}>{key}</Kbd>
        </Fragment>
      ))}
    </span>
  );
}
