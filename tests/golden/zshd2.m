zshd2 ; ZSHOW "D" with stdin from /dev/null and stdout to a file (as the golden harness runs)
 zshow "D"
 write "$principal=",$zwrite($principal),!
 quit
