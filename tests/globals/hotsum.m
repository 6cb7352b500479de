hotsum ; the hot counter of hot.m
 write ^HOT,!
 quit
