import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import {
  loginRequestSchema,
  type LoginRequest,
  type Me,
  type MfaRequiredResponse,
} from '@pathways/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors, zodOptions } from '../../../lib/form';
import { isMfaRequired, useLogin } from '../api/login';
import { loginErrorMessage } from './login-error';

interface SignInFormProps {
  onSignedIn: (me: Me) => void;
  onMfaRequired: (challenge: MfaRequiredResponse) => void;
}

export function SignInForm({ onSignedIn, onMfaRequired }: SignInFormProps) {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const form = useForm<LoginRequest>({
    resolver: zodResolver(loginRequestSchema, zodOptions),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await loginMutation.mutateAsync(values);
      if (isMfaRequired(result)) onMfaRequired(result);
      else onSignedIn(result.user);
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['email', 'password']);
      form.resetField('password', { keepError: true });
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('auth.signIn.title')}>
      <Stack>
        {loginMutation.isError ? (
          <Alert color="red" variant="light" role="alert" data-testid="sign-in-error">
            {loginErrorMessage(loginMutation.error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t('auth.signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          error={errors.email?.message}
          {...form.register('email')}
        />
        <PasswordInput
          label={t('auth.signIn.password')}
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" loading={loginMutation.isPending} fullWidth>
          {t('auth.signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
