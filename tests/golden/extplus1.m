extplus1 ; $$ONE+1 and $$ONE+$$ONE are additions: an extrinsic takes label^routine, not label+offset
 w $$ONE+1,!
 w $$ONE+$$ONE,!
 w $$TWO(3)+$$ONE*2,!
 w $$ONE^extplus1+10,!
 s x=$$ONE+1 w x,!
 q
ONE() q 1
 q 99
TWO(n) q n*2
