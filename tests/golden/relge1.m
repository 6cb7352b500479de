relge1 ; >= and <= are GT.M 7.0 relational operators; '> and '< still work
 w 3>=4,4>=4,5>=4,3<=4,4<=4,5<=4,!
 w "a"'>"b",2'<1,"b">="a","10"<="9",!
 w 1>=0&1,1<=0!0,!
 s x=3 w x>=3,x<=2,-x<=-3,!
 i x>=3 w "yes",!
 f i=1:1 q:i>=3  w i
 w !
 s y=x>=3 w y,!
