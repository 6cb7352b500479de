patbad3 ; a pattern code without a repeat count is an error
 set s="abc"
 write "s?3A: ",s?3A,!
 set r=s?A
 write "not reached",!
 quit
