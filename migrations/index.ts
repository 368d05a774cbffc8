import type { Knex } from 'knex';
import * as m001 from './001_registration.js';
import * as m002 from './002_staff_and_auth.js';
import * as m003 from './003_one_open_request_per_agency.js';
import * as m004 from './004_operaton_engine.js';
import * as m005 from './005_process_owner_role.js';
import * as m006 from './006_agency_held_once_verified.js';
import * as m007 from './007_applicant_token_end.js';
import * as m008 from './008_retention.js';
import * as m009 from './009_notice_outbox.js';
import * as m010 from './010_letter_signatures.js';
import * as m010b from './010b_certificate_bindings.js';
import * as m010c from './010c_certificate_requests.js';
import * as m012 from './012_captcha_audio.js';
import * as m013 from './013_letter_signature_received_at.js';
import * as m014 from './014_tracking_code.js';
import * as m015 from './015_notice_message_id_and_codes.js';
import * as m016 from './016_registration_office.js';
import * as m017 from './017_operations_alerts.js';
import * as m018 from './018_monitor_daily_figures.js';
import * as m020 from './020_rolled_up_figures.js';

/** Numbered, in order. Listed rather than read from the folder so they load the same under tsx, vitest and compiled JS. */
export const migrations: Record<string, Knex.Migration> = {
  '001_registration': m001,
  '002_staff_and_auth': m002,
  '003_one_open_request_per_agency': m003,
  '004_operaton_engine': m004,
  '005_process_owner_role': m005,
  '006_agency_held_once_verified': m006,
  '007_applicant_token_end': m007,
  '008_retention': m008,
  '009_notice_outbox': m009,
  '010_letter_signatures': m010,
  '010b_certificate_bindings': m010b,
  '010c_certificate_requests': m010c,
  '012_captcha_audio': m012,
  '013_letter_signature_received_at': m013,
  '014_tracking_code': m014,
  '015_notice_message_id_and_codes': m015,
  '016_registration_office': m016,
  '017_operations_alerts': m017,
  '018_monitor_daily_figures': m018,
  '020_rolled_up_figures': m020,
};
