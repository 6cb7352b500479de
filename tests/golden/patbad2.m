patbad2 ; a pattern count with the minimum larger than the maximum
 write "valid: ","abc"?1.3A,!
 set s="abc"
 write "before",!
 set r=s?3.1A
 write "not reached",!
 quit
