/*
 * mock-kafka-broker: a Kafka-protocol broker for tests.
 *
 * Hosts librdkafka's in-process mock cluster (librdkafka/rdkafka_mock.h) in a
 * small program so that clients in other languages (kafkajs) can talk to it
 * over TCP on 127.0.0.1.
 *
 *   mock-kafka-broker [--brokers N] [--partitions N] [--topic NAME]...
 *
 * Once the cluster listens it prints one line to stdout:
 *
 *   BOOTSTRAP 127.0.0.1:PORT,127.0.0.1:PORT,...
 *
 * and then reads one command per line from stdin, answering each with a line
 * `OK` or `ERR <message>`:
 *
 *   ping                               -> OK
 *   down <brokerId>                    broker stops serving (connections dropped)
 *   up <brokerId>                      broker serves again
 *   rtt <brokerId> <ms>                added round-trip time for that broker
 *   error <apiKey> <errorCode> <count> the next <count> requests of that API
 *                                      fail with <errorCode> (0 = Produce)
 *   clear <apiKey>                     drop pushed errors of that API
 *   topic <name> <partitions>          create a topic
 *   leader <topic> <partition> <id>    move a partition's leader
 *
 * It exits 0 on stdin EOF, SIGTERM or SIGINT, after destroying the cluster.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#define MAX_TOPICS 256
#define MAX_LINE 4096
#define MAX_ERROR_COUNT 100000

static int signal_pipe[2] = {-1, -1};

static void on_signal(int sig) {
        int saved = errno;
        unsigned char b = (unsigned char)sig;
        if (write(signal_pipe[1], &b, 1) < 0) {
                /* nothing useful to do in a signal handler */
        }
        errno = saved;
}

static void usage(FILE *out) {
        fprintf(out,
                "usage: mock-kafka-broker [--brokers N] [--partitions N] "
                "[--topic NAME]...\n");
}

/* Parses a base-10 integer that must fill the whole string. */
static int parse_long(const char *s, long min, long max, long *out) {
        char *end;
        long v;
        if (!s || !*s)
                return -1;
        errno = 0;
        v     = strtol(s, &end, 10);
        if (errno || *end || v < min || v > max)
                return -1;
        *out = v;
        return 0;
}

static void reply_ok(void) {
        fputs("OK\n", stdout);
        fflush(stdout);
}

static void reply_err(const char *fmt, ...) {
        va_list ap;
        fputs("ERR ", stdout);
        va_start(ap, fmt);
        vfprintf(stdout, fmt, ap);
        va_end(ap);
        fputc('\n', stdout);
        fflush(stdout);
}

static void reply_kafka(rd_kafka_resp_err_t err) {
        if (err)
                reply_err("%s (%d)", rd_kafka_err2str(err), (int)err);
        else
                reply_ok();
}

/* Splits `line` in place into at most `max` whitespace-separated words. */
static int split_words(char *line, char **words, int max) {
        int n = 0;
        char *save = NULL;
        char *w;
        for (w = strtok_r(line, " \t\r", &save); w;
             w = strtok_r(NULL, " \t\r", &save)) {
                if (n == max)
                        return max + 1;
                words[n++] = w;
        }
        return n;
}

static int replication_for(int brokers) {
        return brokers < 3 ? brokers : 3;
}

static void handle_command(rd_kafka_mock_cluster_t *mcluster,
                           int brokers,
                           char *line) {
        char *w[5];
        long a, b, c;
        int n = split_words(line, w, 4);

        if (n == 0) {
                reply_err("empty command");
                return;
        }

        if (!strcmp(w[0], "ping") && n == 1) {
                reply_ok();

        } else if ((!strcmp(w[0], "down") || !strcmp(w[0], "up")) && n == 2) {
                if (parse_long(w[1], 0, INT32_MAX, &a)) {
                        reply_err("bad broker id: %s", w[1]);
                        return;
                }
                reply_kafka(!strcmp(w[0], "down")
                                ? rd_kafka_mock_broker_set_down(mcluster,
                                                                (int32_t)a)
                                : rd_kafka_mock_broker_set_up(mcluster,
                                                              (int32_t)a));

        } else if (!strcmp(w[0], "rtt") && n == 3) {
                if (parse_long(w[1], 0, INT32_MAX, &a) ||
                    parse_long(w[2], 0, INT_MAX, &b)) {
                        reply_err("usage: rtt <brokerId> <ms>");
                        return;
                }
                reply_kafka(rd_kafka_mock_broker_set_rtt(mcluster, (int32_t)a,
                                                         (int)b));

        } else if (!strcmp(w[0], "error") && n == 4) {
                rd_kafka_resp_err_t *errs;
                long i;
                if (parse_long(w[1], 0, INT16_MAX, &a) ||
                    parse_long(w[2], INT16_MIN, INT16_MAX, &b) ||
                    parse_long(w[3], 1, MAX_ERROR_COUNT, &c)) {
                        reply_err(
                            "usage: error <apiKey> <errorCode> <count 1..%d>",
                            MAX_ERROR_COUNT);
                        return;
                }
                errs = malloc(sizeof(*errs) * (size_t)c);
                if (!errs) {
                        reply_err("out of memory");
                        return;
                }
                for (i = 0; i < c; i++)
                        errs[i] = (rd_kafka_resp_err_t)b;
                rd_kafka_mock_push_request_errors_array(mcluster, (int16_t)a,
                                                        (size_t)c, errs);
                free(errs);
                reply_ok();

        } else if (!strcmp(w[0], "clear") && n == 2) {
                if (parse_long(w[1], 0, INT16_MAX, &a)) {
                        reply_err("usage: clear <apiKey>");
                        return;
                }
                rd_kafka_mock_clear_request_errors(mcluster, (int16_t)a);
                reply_ok();

        } else if (!strcmp(w[0], "topic") && n == 3) {
                if (parse_long(w[2], 1, 100000, &a)) {
                        reply_err("usage: topic <name> <partitions>");
                        return;
                }
                reply_kafka(rd_kafka_mock_topic_create(
                    mcluster, w[1], (int)a, replication_for(brokers)));

        } else if (!strcmp(w[0], "leader") && n == 4) {
                if (parse_long(w[2], 0, INT32_MAX, &a) ||
                    parse_long(w[3], -1, INT32_MAX, &b)) {
                        reply_err("usage: leader <topic> <partition> <brokerId>");
                        return;
                }
                reply_kafka(rd_kafka_mock_partition_set_leader(
                    mcluster, w[1], (int32_t)a, (int32_t)b));

        } else {
                reply_err("unknown command or wrong arguments: %s "
                          "(commands: ping, down, up, rtt, error, clear, "
                          "topic, leader)",
                          w[0]);
        }
}

int main(int argc, char **argv) {
        long brokers = 3, partitions = 4;
        const char *topics[MAX_TOPICS];
        int topic_cnt = 0;
        char errstr[512];
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        rd_kafka_mock_cluster_t *mcluster;
        struct sigaction sa;
        char buf[MAX_LINE];
        size_t used     = 0;
        int discarding  = 0; /* inside an over-long line */
        int i, exit_code = 0;

        for (i = 1; i < argc; i++) {
                const char *arg = argv[i];
                const char *val = i + 1 < argc ? argv[i + 1] : NULL;
                if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
                        usage(stdout);
                        return 0;
                } else if (!strcmp(arg, "--brokers")) {
                        if (parse_long(val, 1, 64, &brokers)) {
                                fprintf(stderr, "--brokers needs 1..64\n");
                                return 2;
                        }
                        i++;
                } else if (!strcmp(arg, "--partitions")) {
                        if (parse_long(val, 1, 10000, &partitions)) {
                                fprintf(stderr, "--partitions needs 1..10000\n");
                                return 2;
                        }
                        i++;
                } else if (!strcmp(arg, "--topic")) {
                        if (!val || !*val) {
                                fprintf(stderr, "--topic needs a name\n");
                                return 2;
                        }
                        if (topic_cnt == MAX_TOPICS) {
                                fprintf(stderr, "at most %d --topic\n",
                                        MAX_TOPICS);
                                return 2;
                        }
                        topics[topic_cnt++] = val;
                        i++;
                } else {
                        fprintf(stderr, "unknown argument: %s\n", arg);
                        usage(stderr);
                        return 2;
                }
        }

        /* A dead reader must not kill us with SIGPIPE; writes just fail. */
        signal(SIGPIPE, SIG_IGN);

        if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) == -1) {
                perror("pipe2");
                return 1;
        }
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);

        /* The mock cluster runs inside a client handle; this producer is
         * never used otherwise. No bootstrap.servers: it connects nowhere. */
        conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "log_level", "3", errstr,
                              sizeof(errstr)) != RD_KAFKA_CONF_OK ||
            rd_kafka_conf_set(conf, "client.id", "mock-kafka-broker", errstr,
                              sizeof(errstr)) != RD_KAFKA_CONF_OK) {
                fprintf(stderr, "config: %s\n", errstr);
                rd_kafka_conf_destroy(conf);
                return 1;
        }
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "rd_kafka_new: %s\n", errstr);
                return 1;
        }

        mcluster = rd_kafka_mock_cluster_new(rk, (int)brokers);
        if (!mcluster) {
                fprintf(stderr, "rd_kafka_mock_cluster_new failed\n");
                rd_kafka_destroy(rk);
                return 1;
        }

        for (i = 0; i < topic_cnt; i++) {
                rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(
                    mcluster, topics[i], (int)partitions,
                    replication_for((int)brokers));
                if (err) {
                        fprintf(stderr, "create topic %s: %s\n", topics[i],
                                rd_kafka_err2str(err));
                        exit_code = 1;
                        goto out;
                }
        }

        fprintf(stdout, "BOOTSTRAP %s\n",
                rd_kafka_mock_cluster_bootstraps(mcluster));
        fflush(stdout);

        for (;;) {
                struct pollfd pfd[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
                                        {.fd = signal_pipe[0], .events = POLLIN}};
                ssize_t r;
                size_t start, j;

                if (poll(pfd, 2, -1) == -1) {
                        if (errno == EINTR)
                                continue;
                        perror("poll");
                        exit_code = 1;
                        break;
                }
                if (pfd[1].revents)
                        break; /* SIGTERM / SIGINT / SIGHUP */
                if (!pfd[0].revents)
                        continue;

                r = read(STDIN_FILENO, buf + used, sizeof(buf) - 1 - used);
                if (r == -1) {
                        if (errno == EINTR || errno == EAGAIN)
                                continue;
                        break; /* stdin broken: same as EOF */
                }
                if (r == 0)
                        break; /* EOF: our owner is gone or done */
                used += (size_t)r;

                start = 0;
                for (j = 0; j < used; j++) {
                        if (buf[j] != '\n')
                                continue;
                        buf[j] = '\0';
                        if (discarding) {
                                discarding = 0;
                                reply_err("line too long");
                        } else {
                                handle_command(mcluster, (int)brokers,
                                               buf + start);
                        }
                        start = j + 1;
                }
                if (start > 0) {
                        memmove(buf, buf + start, used - start);
                        used -= start;
                } else if (used == sizeof(buf) - 1) {
                        discarding = 1; /* no newline in a full buffer */
                        used       = 0;
                }
        }

out:
        rd_kafka_mock_cluster_destroy(mcluster);
        rd_kafka_destroy(rk);
        return exit_code;
}
