-- Facts about runs, numbered without gaps per run: streams resume from a sequence number.
create table run_events (
    run_pk       bigint        not null references runs (id) on delete cascade,
    seq          bigint        not null,
    event_type   varchar(40)   not null,
    payload      varchar(4000) not null,
    created_at   timestamp with time zone not null,
    primary key (run_pk, seq)
);
