zsigproc1 ; $ZSIGPROC with signal 0 (0, or the error number 3 for no such process), by name, and $ZSYSLOG
 w $zsigproc($j,0),"|",$zsigproc(999999,0),"|",$zsigp($j,"SIGCONT"),"|",$zsigproc($j,18),!
 w $zsyslog("minim golden zsigproc1"),$zsyslo("x"),!
