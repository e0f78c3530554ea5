import { MantineProvider } from '@mantine/core';
import { SessionGate } from './session/SessionGate';
import { cssVariablesResolver, theme } from './theme/theme';

export function App() {
  return (
    // Light scheme only for now: the clinic styling and its contrast checks are done for light.
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <SessionGate />
    </MantineProvider>
  );
}
