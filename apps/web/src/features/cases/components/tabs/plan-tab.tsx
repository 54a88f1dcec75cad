import { Button, Card, Group, Modal, NativeSelect, Progress, Stack, Text, TextInput } from '@mantine/core';
import {
  GOAL_STATUSES,
  type AccountabilityItemView,
  type AccountabilityType,
  type CaseDetail,
  type GoalStatus,
  type GoalView,
} from '@pathways/contracts';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { LoadingState } from '../../../../components/ui/loading-state';
import { formatDate } from '../../../../lib/format';
import { notify } from '../../../../lib/notify';
import { useAccountabilityItems } from '../../api/get-accountability-items';
import { useGoals } from '../../api/get-goals';
import { useUpdateAccountabilityItem } from '../../api/update-accountability-item';
import { useUpdateGoal } from '../../api/update-goal';
import { CaseMutationError } from '../case-mutation-error';
import { FormDialog as FormModal } from '../../../../components/ui/form-dialog';
import { AccountabilityForm } from './accountability-form';
import { GoalForm } from './goal-form';
import { TabSection } from './tab-section';

/** An amount in the item's unit: hours, dollars, or a plain count (letters, agreement items). */
export function formatAmount(type: AccountabilityType, value: number, locale: string, t: TFunction): string {
  switch (type) {
    case 'COMMUNITY_SERVICE_HOURS':
    case 'DRUG_EDUCATION_HOURS':
      return t('cases.plan.hours', { count: value, value: value.toLocaleString(locale) });
    case 'RESTITUTION_USD':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(value);
    case 'APOLOGY_LETTER':
    case 'RESTORATIVE_AGREEMENT_ITEM':
    case 'REPAIR_PROPERTY':
      return value.toLocaleString(locale);
  }
}

/** The case plan: goals by domain with their status, and the accountability items with progress. */
export function PlanTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<'goal' | 'item' | null>(null);
  const writable = detail.abilities.write && detail.status !== 'CLOSED';
  const saved = (message: string) => {
    setAdding(null);
    notify({ color: 'green', message });
  };
  return (
    <Stack gap="xl">
      <TabSection
        id="goals-heading"
        title={t('cases.plan.goals')}
        action={
          writable ? <Button onClick={() => setAdding('goal')}>{t('cases.plan.addGoal')}</Button> : null
        }
      >
        <Goals detail={detail} writable={writable} />
      </TabSection>
      <TabSection
        id="items-heading"
        title={t('cases.plan.items')}
        action={
          writable ? (
            <Button variant="default" onClick={() => setAdding('item')}>
              {t('cases.plan.addItem')}
            </Button>
          ) : null
        }
      >
        <Items detail={detail} writable={writable} />
      </TabSection>
      <FormModal
        opened={adding === 'goal'}
        onClose={() => setAdding(null)}
        title={t('cases.plan.addGoalTitle')}
      >
        <GoalForm
          detail={detail}
          onCancel={() => setAdding(null)}
          onSaved={() => saved(t('cases.plan.goalSaved'))}
        />
      </FormModal>
      <FormModal
        opened={adding === 'item'}
        onClose={() => setAdding(null)}
        title={t('cases.plan.addItemTitle')}
      >
        <AccountabilityForm
          detail={detail}
          onCancel={() => setAdding(null)}
          onSaved={() => saved(t('cases.plan.itemSaved'))}
        />
      </FormModal>
    </Stack>
  );
}

function Goals({ detail, writable }: { detail: CaseDetail; writable: boolean }) {
  const { t } = useTranslation();
  const goals = useGoals(detail.id);
  const update = useUpdateGoal();
  if (goals.isPending) return <LoadingState />;
  if (goals.isError) return <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />;
  if (goals.data.length === 0)
    return <EmptyState title={t('cases.plan.noGoalsTitle')} description={t('cases.plan.noGoals')} />;
  return (
    <Stack gap="sm">
      <CaseMutationError
        error={update.error}
        caseId={detail.id}
        subject="record"
        onReload={() => update.reset()}
      />
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="goal-list">
        {goals.data.map((goal) => (
          <GoalRow
            key={goal.id}
            goal={goal}
            writable={writable}
            onStatus={(status) =>
              update.mutate(
                { caseId: detail.id, goalId: goal.id, version: goal.version, status },
                {
                  onSuccess: () =>
                    notify({
                      color: 'green',
                      message: t('cases.plan.goalStatusSaved', { status: t(`cases.goalStatuses.${status}`) }),
                    }),
                },
              )
            }
          />
        ))}
      </Stack>
    </Stack>
  );
}

function GoalRow({
  goal,
  writable,
  onStatus,
}: {
  goal: GoalView;
  writable: boolean;
  onStatus: (status: GoalStatus) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder radius="md" p="md" component="li">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {t(`cases.goalDomains.${goal.domain}`)}
          </Text>
          <Text style={{ overflowWrap: 'anywhere' }}>{goal.description}</Text>
          {goal.dueAt ? (
            <Text size="sm" c="dimmed">
              {t('cases.plan.dueOn', { date: formatDate(goal.dueAt, i18n.language) })}
            </Text>
          ) : null}
        </Stack>
        {writable ? (
          <NativeSelect
            label={t('cases.plan.status')}
            aria-label={t('cases.plan.statusOf', { goal: goal.description })}
            value={goal.status}
            data={GOAL_STATUSES.map((s) => ({ value: s, label: t(`cases.goalStatuses.${s}`) }))}
            onChange={(event) => onStatus(event.currentTarget.value as GoalStatus)}
            style={{ flex: '0 1 14rem' }}
          />
        ) : (
          <Text fw={600}>{t(`cases.goalStatuses.${goal.status}`)}</Text>
        )}
      </Group>
    </Card>
  );
}

function Items({ detail, writable }: { detail: CaseDetail; writable: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const items = useAccountabilityItems(detail.id);
  const update = useUpdateAccountabilityItem();
  const [progressOf, setProgressOf] = useState<AccountabilityItemView | null>(null);
  const [verifying, setVerifying] = useState<AccountabilityItemView | null>(null);
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const close = () => {
    setProgressOf(null);
    setVerifying(null);
    setAmountError(null);
    update.reset();
  };

  if (items.isPending) return <LoadingState />;
  if (items.isError) return <ErrorState error={items.error} onRetry={() => void items.refetch()} />;
  if (items.data.length === 0)
    return <EmptyState title={t('cases.plan.noItemsTitle')} description={t('cases.plan.noItems')} />;

  const saveProgress = () => {
    if (!progressOf) return;
    const value = Number(amount.replace(',', '.'));
    if (amount.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100_000) {
      setAmountError(t('common.validation.invalid'));
      return;
    }
    update.mutate(
      { caseId: detail.id, itemId: progressOf.id, version: progressOf.version, completedAmount: value },
      {
        onSuccess: () => {
          close();
          notify({ color: 'green', message: t('cases.plan.progressSaved') });
        },
      },
    );
  };

  return (
    <>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="item-list">
        {items.data.map((item) => {
          const percent =
            item.requiredAmount > 0 ? Math.min(100, (item.completedAmount / item.requiredAmount) * 100) : 0;
          const progress = t('cases.plan.progress', {
            done: formatAmount(item.type, item.completedAmount, locale, t),
            required: formatAmount(item.type, item.requiredAmount, locale, t),
          });
          return (
            <Card key={item.id} withBorder radius="md" p="md" component="li">
              <Stack gap="xs">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={700}>{t(`cases.accountabilityTypes.${item.type}`)}</Text>
                  <Text size="sm" fw={600}>
                    {item.verifiedAt
                      ? t('cases.plan.verifiedBy', {
                          name: item.verifiedByName ?? '—',
                          date: formatDate(item.verifiedAt, locale),
                        })
                      : t('cases.plan.notVerified')}
                  </Text>
                </Group>
                {item.description ? <Text size="sm">{item.description}</Text> : null}
                <Text size="sm">{progress}</Text>
                <Progress value={percent} aria-label={progress} size="md" />
                {item.dueAt ? (
                  <Text size="sm" c="dimmed">
                    {t('cases.plan.dueOn', { date: formatDate(item.dueAt, locale) })}
                  </Text>
                ) : null}
                {writable ? (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setAmount(String(item.completedAmount));
                        setProgressOf(item);
                      }}
                    >
                      {t('cases.plan.recordProgress')}
                    </Button>
                    {!item.verifiedAt ? (
                      <Button size="xs" variant="default" onClick={() => setVerifying(item)}>
                        {t('cases.plan.verify')}
                      </Button>
                    ) : null}
                  </Group>
                ) : null}
              </Stack>
            </Card>
          );
        })}
      </Stack>
      <Modal
        opened={progressOf !== null}
        onClose={close}
        title={t('cases.plan.recordProgress')}
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            saveProgress();
          }}
        >
          <Stack>
            <TextInput
              label={t('cases.plan.completedAmount')}
              description={
                progressOf
                  ? t('cases.plan.ofRequired', {
                      required: formatAmount(progressOf.type, progressOf.requiredAmount, locale, t),
                    })
                  : undefined
              }
              inputMode="decimal"
              required
              value={amount}
              onChange={(event) => {
                setAmount(event.currentTarget.value);
                setAmountError(null);
              }}
              error={amountError}
              data-autofocus
            />
            <CaseMutationError
              error={update.error}
              caseId={detail.id}
              subject="record"
              onReload={close}
              afterReload="closes"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.actions.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('common.actions.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal
        opened={verifying !== null}
        onClose={close}
        title={t('cases.plan.verifyTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <Stack>
          <Text>{t('cases.plan.verifyBody')}</Text>
          <CaseMutationError
            error={update.error}
            caseId={detail.id}
            subject="record"
            onReload={close}
            afterReload="closes"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.actions.cancel')}
            </Button>
            <Button
              loading={update.isPending}
              data-autofocus
              onClick={() =>
                verifying &&
                update.mutate(
                  { caseId: detail.id, itemId: verifying.id, version: verifying.version, verified: true },
                  {
                    onSuccess: () => {
                      close();
                      notify({ color: 'green', message: t('cases.plan.verified') });
                    },
                  },
                )
              }
            >
              {t('cases.plan.verifyConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
