setnaked ; a naked reference on the left of SET takes the naked indicator after the value
 kill ^X,^Y set ^Y(0)="Y",^X(0)="X" set ^(1)=^Y(0) zwrite ^X,^Y
 kill ^X,^Y set ^Y(0)="Y",^X(0)="X" set @"^(1)"=^Y(0) zwrite ^X,^Y
 kill ^X,^Y set ^Y(0)="Y",^X(0)="X" set x="^(1)" set @x=^Y(0) zwrite ^X,^Y
 kill ^X,^Y set ^Y(0)="Y",^X(0)="X" set ^(1,$$f)=^Y(0) zwrite ^X,^Y
 quit
f() quit $data(^Y(5))
