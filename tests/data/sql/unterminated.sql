SELECT 'never closed;
DROP TABLE t; /* nor this
