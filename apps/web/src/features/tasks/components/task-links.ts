/** Where tasks link to; the app's routes provide them (features do not import the app). */
export interface TaskLinks {
  tasks: string;
  referral: (id: string) => string;
  case: (id: string) => string;
}
