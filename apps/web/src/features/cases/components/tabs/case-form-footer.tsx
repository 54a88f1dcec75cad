import { FormFooter } from '../../../../components/casework/form-footer';
import { CaseMutationError } from '../case-mutation-error';

interface CaseFormFooterProps {
  mutation: { error: unknown; isPending: boolean };
  caseId: string;
  unmatched: string[];
  submitLabel: string;
  disabled?: boolean;
  onCancel: () => void;
}

/** The save error and the Cancel/Save row: shared by every case tab form, which all end the same way. */
export function CaseFormFooter({
  mutation,
  caseId,
  unmatched,
  submitLabel,
  disabled,
  onCancel,
}: CaseFormFooterProps) {
  return (
    <>
      <CaseMutationError
        error={mutation.error}
        caseId={caseId}
        unmatched={unmatched}
        onReload={onCancel}
        afterReload="closes"
      />
      <FormFooter
        submitLabel={submitLabel}
        loading={mutation.isPending}
        disabled={disabled}
        onCancel={onCancel}
      />
    </>
  );
}
