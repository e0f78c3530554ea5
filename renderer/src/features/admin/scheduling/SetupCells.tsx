import { Badge, Group, Text } from '@mantine/core';
import { ColorSwatch } from './ColorChoice';

/** A set-up row's status: the word for "in use" in bold green, or a grey badge with the word for "not in use". */
export function ActiveStatus({ active, activeLabel, inactiveLabel }: { active: boolean; activeLabel: string; inactiveLabel: string }) {
  return active ? (
    <Text size="sm" fw={600} className="setup-status" data-active="true">
      {activeLabel}
    </Text>
  ) : (
    <Badge color="gray" variant="light">
      {inactiveLabel}
    </Badge>
  );
}

/** A provider's or type's name beside its color, with a dimmed line of detail under it. */
export function SwatchName({ color, name, detail }: { color: string; name: string; detail: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <ColorSwatch color={color} />
      <div>
        <Text fw={600}>{name}</Text>
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
      </div>
    </Group>
  );
}
