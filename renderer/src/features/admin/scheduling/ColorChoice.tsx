import { Radio, SimpleGrid } from '@mantine/core';
import { colorName, SCHEDULE_PALETTE } from './palette';

interface ColorChoiceProps {
  label: string;
  description?: string;
  value: string;
  onChange(hex: string): void;
  error?: string;
}

/**
 * A named color from the palette, as a radio group (arrow keys move between colors). A color saved some other way
 * (an import) stays offered under its code, so opening the dialog never changes it silently.
 */
export function ColorChoice({ label, description, value, onChange, error }: ColorChoiceProps) {
  const current = value.toLowerCase();
  const options: { name: string; hex: string }[] = [...SCHEDULE_PALETTE];
  if (current && !options.some((color) => color.hex === current)) options.push({ name: colorName(current), hex: current });
  return (
    <Radio.Group label={label} description={description} value={current} onChange={onChange} error={error} withAsterisk>
      <SimpleGrid cols={{ base: 3, sm: 4 }} spacing="md" verticalSpacing="xs" mt={6} maw="36rem">
        {options.map((color) => (
          <Radio
            key={color.hex}
            value={color.hex}
            className="color-choice"
            label={
              <span className="color-choice-label">
                <span className="color-swatch" style={{ backgroundColor: color.hex }} aria-hidden="true" />
                {color.name}
              </span>
            }
          />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** A small square of a provider's or type's color, beside its name (the name carries the meaning). */
export function ColorSwatch({ color }: { color: string }) {
  return <span className="color-swatch" style={{ backgroundColor: color }} aria-hidden="true" />;
}
