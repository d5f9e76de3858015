module chartprobe.local/capfilter-runtime

go 1.22
