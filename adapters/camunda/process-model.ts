/** Ids in bpmn/ that code relies on; a test checks that each one is still in the models. */
export const PROCESS_ID = 'agency-registration';
export const REVIEW_PROCESS_ID = 'agency-registration-review';
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

export const USER_TASKS = {
  applicantData: 'Task_ApplicantData',
  enterOtp: 'Task_EnterOtp',
  review: 'Task_Review',
} as const;

export const REVIEWER_GROUP = 'it-office-reviewers';
