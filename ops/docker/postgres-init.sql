-- Run once by the postgres image on an empty volume (POSTGRES_DB creates payam): the engine's own
-- database, as `npm run engine -- start` creates it natively. The engine creates its tables itself.
CREATE DATABASE operaton;
