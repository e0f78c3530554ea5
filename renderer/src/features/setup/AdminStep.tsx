import { Stack, Text, TextInput } from '@mantine/core';
import { useWatch } from 'react-hook-form';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import type { AdminStepForm } from './setup-forms';

/** Step 2: the first administrator, who signs in at the end of setup and later adds the other staff. */
export function AdminStep({ form }: { form: AdminStepForm }) {
  const { errors } = form.formState;
  const [fullName, username, password] = useWatch({ control: form.control, name: ['admin.fullName', 'admin.username', 'admin.password'] });
  return (
    <Stack gap="md">
      <Text>
        The administrator adds the other staff, resets their passwords and keeps the recovery code. Use your own name: each person at the clinic
        gets their own sign-in.
      </Text>
      <TextInput {...form.register('admin.fullName')} label="Full name" error={errors.admin?.fullName?.message} autoComplete="name" withAsterisk />
      <TextInput
        {...form.register('admin.username')}
        label="Username"
        description="What you type to sign in, for example mlee. Letters, digits, dots, dashes and underscores; no spaces."
        error={errors.admin?.username?.message}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        withAsterisk
      />
      <NewPasswordFields
        password={form.register('admin.password')}
        confirm={form.register('confirmPassword')}
        value={password}
        passwordError={errors.admin?.password?.message}
        confirmError={errors.confirmPassword?.message}
        userInputs={[username, ...fullName.split(/\s+/)]}
        passwordLabel="Password"
        confirmLabel="Type the password again"
      />
    </Stack>
  );
}
